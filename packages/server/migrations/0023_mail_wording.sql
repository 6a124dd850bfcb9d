-- What mail may say about the program. Mail leaves the program: a shared mailbox, a preview read over a shoulder.
-- Unless the organization opts in, a patient's or a loved one's invitation names neither the program nor anything
-- clinical, in its subject or its body (staff invitations name their employer, as ever). A loved one's invitation
-- names the program only when, besides this, the patient's consent lets the program disclose attendance.
ALTER TABLE organizations ADD COLUMN mail_names_program boolean NOT NULL DEFAULT false;
