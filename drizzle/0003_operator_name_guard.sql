-- Guards the one-statement create of an operator record (server/provisioning/operators.ts):
-- called from the INSERT's RETURNING, it takes the per-(organization, name) advisory lock that
-- the transactional path takes too, then looks for another record with the same name (or
-- e-mail). A VOLATILE function reads with a fresh snapshot taken after the lock is granted, so
-- it sees a record committed by whoever held the lock before; the lock is held until our
-- statement commits. On a clash it raises OPNAM, which rolls the insert back: the caller then
-- takes the transactional path, which says why.
CREATE FUNCTION operator_name_guard(p_organization_id uuid, p_self uuid, p_lock_key text, p_name text, p_email text)
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(p_lock_key));
  -- Two lookups, not one with OR: the name one stays on operators_org_name_idx.
  IF EXISTS (SELECT 1 FROM operators o WHERE o.organization_id = p_organization_id AND lower(o.name) = lower(p_name) AND o.id <> p_self)
     OR (p_email IS NOT NULL AND EXISTS (SELECT 1 FROM operators o WHERE o.organization_id = p_organization_id AND lower(o.email) = lower(p_email) AND o.id <> p_self)) THEN
    RAISE EXCEPTION 'an operator with this name or e-mail exists' USING ERRCODE = 'OPNAM';
  END IF;
  RETURN true;
END
$$;
