-- Admission: a patient's episodes of care from admission to discharge, with the substances, diagnoses and
-- level-of-care changes of each, the organization's intake checklist, and what therapist matching ranks on.
-- Vocabularies (settings, ASAM levels, substances, routes, referral sources, discharge types) are the keys of
-- packages/core/src/admission/vocabulary.ts; the checks below repeat them so that no other value is ever stored.

-- What a patient asks of their therapist (matching honours it as a preference, never as a filter).
ALTER TABLE patients
  ADD COLUMN preferred_therapist_gender text CHECK (preferred_therapist_gender IN ('woman', 'man', 'non_binary'));
-- Registration's duplicate check looks for the same name and date of birth.
CREATE INDEX patients_name_birth ON patients (organization_id, date_of_birth, search_name);

-- What therapist matching knows of a clinician besides approaches, languages and years (0001).
ALTER TABLE staff_members
  ADD COLUMN gender text CHECK (gender IN ('woman', 'man', 'non_binary')),
  -- Years of experience per substance class: {"opioids": 8, "alcohol": 3}.
  ADD COLUMN substance_experience jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(substance_experience) = 'object'),
  ADD COLUMN condition_experience text[] NOT NULL DEFAULT '{}',
  ADD COLUMN accepts_new_patients boolean NOT NULL DEFAULT true;

-- Program settings for admission.
ALTER TABLE organizations
  -- The caseload a clinician carries when their own maximum is not set.
  ADD COLUMN default_max_caseload integer NOT NULL DEFAULT 25 CHECK (default_max_caseload BETWEEN 1 AND 500);

-- One stay in treatment, from admission to discharge. A patient has at most one active episode: the partial
-- unique index makes two people admitting the same patient at once produce one episode (the second gets 409).
CREATE TABLE episodes_of_care (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged')),
  admitted_on date NOT NULL,
  referral_source text NOT NULL CHECK (referral_source IN ('self', 'substance_use_care_provider',
    'other_health_care_provider', 'school', 'employer', 'other_community', 'criminal_justice')),
  referral_note text,
  -- The current setting and level of care; level_of_care_changes holds how they got there.
  setting text NOT NULL CHECK (setting IN ('inpatient_residential', 'partial_hospitalization',
    'intensive_outpatient', 'outpatient', 'maintenance_only')),
  asam_edition text CHECK (asam_edition IN ('3', '4')),
  asam_level text,
  presenting_problems text NOT NULL DEFAULT '',
  co_occurring_conditions text[] NOT NULL DEFAULT '{}',
  discharged_on date,
  discharge_type text CHECK (discharge_type IN ('planned_completion', 'against_advice', 'administrative',
    'transfer', 'death')),
  aftercare_plan text,
  admitted_by_user_id uuid REFERENCES users (id),
  discharged_by_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  CHECK ((asam_edition IS NULL) = (asam_level IS NULL)),
  -- A discharged episode says when, how and what comes after; an active one says none of it.
  CHECK ((status = 'discharged') = (discharged_on IS NOT NULL AND discharge_type IS NOT NULL)),
  CHECK (discharged_on IS NULL OR discharged_on >= admitted_on)
);
CREATE UNIQUE INDEX episodes_of_care_one_active
  ON episodes_of_care (organization_id, patient_id) WHERE status = 'active';
CREATE INDEX episodes_of_care_patient ON episodes_of_care (organization_id, patient_id, admitted_on);
-- The patient list filters by the current setting and level of active episodes.
CREATE INDEX episodes_of_care_active_setting
  ON episodes_of_care (organization_id, setting, patient_id) WHERE status = 'active';

-- The substances an episode treats: one primary, any others, each with its usual route and frequency (TEDS).
CREATE TABLE episode_substances (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  episode_id uuid NOT NULL,
  substance_class text NOT NULL CHECK (substance_class IN ('alcohol', 'opioids', 'cannabis', 'sedatives',
    'cocaine', 'other_stimulants', 'hallucinogens', 'nicotine', 'inhalants', 'other_psychoactive')),
  -- What the patient calls it: fentanyl, heroin, methamphetamine, vape...
  specific_substance text,
  route text NOT NULL CHECK (route IN ('oral', 'smoking', 'inhalation', 'injection', 'other')),
  frequency text NOT NULL CHECK (frequency IN ('no_use_past_month', 'one_to_three_times_past_month',
    'one_to_two_times_per_week', 'three_to_six_times_per_week', 'daily')),
  is_primary boolean NOT NULL DEFAULT false,
  age_of_first_use integer CHECK (age_of_first_use BETWEEN 0 AND 120),
  position integer NOT NULL CHECK (position >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes_of_care (organization_id, id),
  UNIQUE (organization_id, episode_id, substance_class)
);
CREATE UNIQUE INDEX episode_substances_one_primary
  ON episode_substances (organization_id, episode_id) WHERE is_primary;

-- Diagnoses of an episode, ICD-10-CM F10-F19 (packages/core/src/diagnoses), one of them primary.
CREATE TABLE episode_diagnoses (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  episode_id uuid NOT NULL,
  patient_id uuid NOT NULL,
  icd10cm_code text NOT NULL CHECK (icd10cm_code ~ '^F1[0-9](\.[0-9A-Z]{1,4})?$'),
  -- The code's description as the catalogue had it when recorded.
  description text NOT NULL,
  is_primary boolean NOT NULL DEFAULT false,
  clinical_status text NOT NULL DEFAULT 'active' CHECK (clinical_status IN ('active', 'remission', 'resolved')),
  verification_status text NOT NULL DEFAULT 'confirmed'
    CHECK (verification_status IN ('provisional', 'confirmed', 'refuted', 'entered-in-error')),
  onset_date date,
  recorded_by_user_id uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes_of_care (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  UNIQUE (organization_id, episode_id, icd10cm_code)
);
CREATE UNIQUE INDEX episode_diagnoses_one_primary
  ON episode_diagnoses (organization_id, episode_id) WHERE is_primary AND verification_status <> 'entered-in-error';

-- A step-down, step-up or lateral move inside an episode: dated, with the setting and level it moved to. The
-- episode's own setting and level are those of its latest change (or of admission, before any).
CREATE TABLE level_of_care_changes (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  episode_id uuid NOT NULL,
  effective_on date NOT NULL,
  direction text NOT NULL CHECK (direction IN ('step_down', 'step_up', 'lateral')),
  from_setting text NOT NULL,
  from_asam_edition text,
  from_asam_level text,
  setting text NOT NULL CHECK (setting IN ('inpatient_residential', 'partial_hospitalization',
    'intensive_outpatient', 'outpatient', 'maintenance_only')),
  asam_edition text CHECK (asam_edition IN ('3', '4')),
  asam_level text,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  recorded_by_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes_of_care (organization_id, id),
  CHECK ((asam_edition IS NULL) = (asam_level IS NULL))
);
CREATE INDEX level_of_care_changes_episode ON level_of_care_changes (organization_id, episode_id, effective_on);

-- The organization's intake checklist: what each new episode must have, and within how many days of admission.
CREATE TABLE intake_checklist_items (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  -- Stable key; Tandem ticks some itself (consents_signed, assessments_done, plan_written) from the record.
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{0,62}$'),
  label text NOT NULL CHECK (length(trim(label)) > 0),
  due_within_days integer NOT NULL CHECK (due_within_days BETWEEN 0 AND 365),
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, key)
);

-- An episode's ticked checklist items.
CREATE TABLE episode_intake_completions (
  organization_id uuid NOT NULL,
  episode_id uuid NOT NULL,
  item_id uuid NOT NULL,
  completed_on date NOT NULL,
  completed_by_user_id uuid REFERENCES users (id),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, episode_id, item_id),
  FOREIGN KEY (organization_id, episode_id) REFERENCES episodes_of_care (organization_id, id),
  FOREIGN KEY (organization_id, item_id) REFERENCES intake_checklist_items (organization_id, id)
);

-- Care team history says who changed a place and why.
ALTER TABLE care_team_members
  ADD COLUMN ended_by_user_id uuid REFERENCES users (id),
  ADD COLUMN change_reason text;
