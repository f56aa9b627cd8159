-- Every notification row, however it is written (NotificationsService.notify or a bulk INSERT … SELECT), also
-- lands in the outbox in the same transaction; the outbound dispatcher (apps/api/src/notifications/outbound/)
-- turns it into queued sends after commit, so a send can neither block nor roll back the action.
CREATE OR REPLACE FUNCTION notification_to_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notification_outbox (notification_id, community_id) VALUES (NEW.id, NEW.community_id);
  RETURN NEW;
END
$$;
