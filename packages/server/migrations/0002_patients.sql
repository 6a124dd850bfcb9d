-- The patient record: who the person is, how to reach them and whom to call. Admission, consent and clinical
-- data build on it and live in their own tables.

-- unaccent() is only STABLE (it reads its dictionary through search_path), so it cannot feed a generated column
-- or an index. Naming the dictionary and the function by schema makes the result depend on the input alone.
CREATE FUNCTION immutable_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN public.unaccent('public.unaccent'::regdictionary, $1);

CREATE TABLE patients (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  -- Medical record number: the number staff say and print, allocated per organization from mrn_sequences.
  mrn text NOT NULL CHECK (mrn ~ '^[A-Z0-9][A-Z0-9-]{0,31}$'),
  legal_given_name text NOT NULL CHECK (length(trim(legal_given_name)) > 0),
  legal_family_name text NOT NULL CHECK (length(trim(legal_family_name)) > 0),
  preferred_name text CHECK (preferred_name IS NULL OR length(trim(preferred_name)) > 0),
  pronouns text,
  date_of_birth date NOT NULL CHECK (date_of_birth >= DATE '1900-01-01'),
  sex_assigned_at_birth text NOT NULL DEFAULT 'unknown'
    CHECK (sex_assigned_at_birth IN ('female', 'male', 'intersex', 'unknown')),
  gender_identity text,
  -- BCP 47 language tag (en, es, vi, pt-BR).
  preferred_language text NOT NULL DEFAULT 'en'
    CHECK (preferred_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  email text CHECK (email = lower(email)),
  phone text,
  address_line1 text,
  address_line2 text,
  city text,
  region text,
  postal_code text,
  country text NOT NULL DEFAULT 'US' CHECK (country ~ '^[A-Z]{2}$'),
  emergency_contact_name text,
  emergency_contact_phone text,
  emergency_contact_relationship text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'discharged', 'deceased')),
  -- What name search matches: every name the person goes by, lower-cased and without accents, so that
  -- "jose nguyen" finds José Nguyễn.
  search_name text NOT NULL GENERATED ALWAYS AS (
    immutable_unaccent(lower(legal_given_name || ' ' || coalesce(preferred_name || ' ', '') || legal_family_name))
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  UNIQUE (organization_id, mrn)
);
CREATE INDEX patients_search_name ON patients USING gin (search_name gin_trgm_ops);
CREATE INDEX patients_date_of_birth ON patients (organization_id, date_of_birth);

-- The next medical record number of each organization. Allocating takes the row lock
-- (INSERT ... ON CONFLICT DO UPDATE ... RETURNING), so concurrent admissions never get the same number.
CREATE TABLE mrn_sequences (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  next_value bigint NOT NULL DEFAULT 1 CHECK (next_value > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id)
);
