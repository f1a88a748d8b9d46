-- One rule for "the same name" (lib/names.ts nameKey): case- and accent-insensitive, trimmed,
-- inner whitespace collapsed. name_key() is the SQL twin of the JS function: translate() folds
-- Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A, upper and lower case)
-- to their base letter, deletes combining marks (U+0300–U+036F) and turns Unicode spaces into
-- plain ones; lower() then folds ASCII; regexp_replace/btrim collapse and trim the spaces. The
-- unaccent extension is not used: PGlite does not ship it, and its dictionary is not IMMUTABLE.
-- IMMUTABLE, so the name indexes can be built on it (and a query on name_key(name) uses them).
-- tests/unit/name-key.test.ts checks JS ⇔ SQL agreement on both databases.
CREATE FUNCTION name_key(p text) RETURNS text
LANGUAGE sql
IMMUTABLE
PARALLEL SAFE
AS $fn$
  SELECT btrim(regexp_replace(lower(translate(p, 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦĨĩĪīĬĭĮįİĲĴĵĶķĹĺĻļĽľĿŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž                 　﻿̴̵̶̷̸̡̢̧̨̛̖̗̘̙̜̝̞̟̠̣̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡', 'aaaaaaæceeeeiiiiðnoooooøuuuuyþaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddđeeeeeeeeeegggggggghhħiiiiiiiiiĳjjkkllllllŀłnnnnnnŋooooooœrrrrrrssssssssttttŧuuuuuuuuuuuuwwyyyzzzzzz                   ')), '\s+', ' ', 'g'), ' ')
$fn$;
--> statement-breakpoint
-- Two live departments whose names now count as one would stop the unique index below: say which.
DO $$
DECLARE clash text;
BEGIN
  SELECT string_agg(format('%s: %s', organization_id, names), '; ') INTO clash
  FROM (
    SELECT organization_id, string_agg(name, ' / ') AS names
    FROM departments WHERE deleted_at IS NULL
    GROUP BY organization_id, name_key(name) HAVING count(*) > 1
  ) d;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'departments differing only in accents, case or spaces; rename one of each first: %', clash;
  END IF;
END
$$;
--> statement-breakpoint
DROP INDEX "departments_org_name_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "departments_org_name_unique" ON "departments" USING btree ("organization_id",name_key("name")) WHERE "departments"."deleted_at" is null;--> statement-breakpoint
DROP INDEX "operators_org_name_idx";--> statement-breakpoint
CREATE INDEX "operators_org_name_idx" ON "operators" USING btree ("organization_id",name_key("name"));--> statement-breakpoint
-- The guard of drizzle/0003_operator_name_guard.sql, now comparing name_key (still on operators_org_name_idx).
CREATE OR REPLACE FUNCTION operator_name_guard(p_organization_id uuid, p_self uuid, p_lock_key text, p_name text, p_email text)
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(p_lock_key));
  -- Two lookups, not one with OR: the name one stays on operators_org_name_idx.
  IF EXISTS (SELECT 1 FROM operators o WHERE o.organization_id = p_organization_id AND name_key(o.name) = name_key(p_name) AND o.id <> p_self)
     OR (p_email IS NOT NULL AND EXISTS (SELECT 1 FROM operators o WHERE o.organization_id = p_organization_id AND lower(o.email) = lower(p_email) AND o.id <> p_self)) THEN
    RAISE EXCEPTION 'an operator with this name or e-mail exists' USING ERRCODE = 'OPNAM';
  END IF;
  RETURN true;
END
$$;
