-- Role assignments are written only through these two functions (1795760000051): the app role may not INSERT or
-- UPDATE role_assignments itself, so even with the app's own credentials nobody holds a role the decision record
-- does not show — each write appends its record entry in the same statement. (SECURITY DEFINER: they run as the
-- migrating owner; record_append checks nothing about the caller, the entry names the actor.)

CREATE OR REPLACE FUNCTION assign_role(
  p_community uuid, p_user uuid, p_role text, p_starts date, p_ends date, p_granted_by uuid,
  p_actor uuid, p_action text, p_subject_type text, p_subject_id text, p_payload jsonb, p_payload_digest text
) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  v_id uuid;
BEGIN
  INSERT INTO role_assignments (community_id, user_id, role, starts_on, ends_on, granted_by)
  VALUES (p_community, p_user, p_role, p_starts, p_ends, p_granted_by)
  RETURNING id INTO v_id;
  -- The entry is about the assignment unless the caller names another subject (an owner activating an account).
  PERFORM record_append(p_community, p_actor, p_action, p_subject_type, coalesce(p_subject_id, v_id::text), p_payload, p_payload_digest);
  RETURN v_id;
END $$;

CREATE OR REPLACE FUNCTION end_role(
  p_assignment uuid, p_community uuid, p_ends date, p_actor uuid, p_payload jsonb, p_payload_digest text
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE role_assignments SET ends_on = p_ends WHERE id = p_assignment AND community_id = p_community;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'role assignment % not found in community %', p_assignment, p_community USING ERRCODE = 'no_data_found';
  END IF;
  PERFORM record_append(p_community, p_actor, 'identity.role_ended', 'role_assignment', p_assignment::text, p_payload, p_payload_digest);
END $$;
