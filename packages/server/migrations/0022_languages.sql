-- Languages. Tandem's own words (pages, messages, PDFs, consent wording) are written in a few languages
-- (@tandem/core uiLanguages); each person reads them in their own, defaulting from the organization's.
--
-- organizations.default_language: what a person reads until they choose, and what the program writes in for
--   someone whose language it does not know.
-- users.language: the person's own choice (staff, patient or family member); NULL follows the organization (a
--   patient's portal follows their preferred language first, when Tandem is written in it).
-- patients.interpreter_needed: recorded at registration beside preferred_language, which may be any language.
-- invitations.language: the language the invitation was written in, and the one the new account starts in.

ALTER TABLE organizations
  ADD COLUMN default_language text NOT NULL DEFAULT 'en' CHECK (default_language ~ '^[a-z]{2,3}$');

ALTER TABLE users ADD COLUMN language text CHECK (language ~ '^[a-z]{2,3}$');

ALTER TABLE patients ADD COLUMN interpreter_needed boolean NOT NULL DEFAULT false;

ALTER TABLE invitations ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2,3}$');
