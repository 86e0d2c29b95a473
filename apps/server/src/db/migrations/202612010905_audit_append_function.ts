import { sql, type Kysely } from 'kysely';

/*
 * Appending to the hash chain in one round trip. The chain lock is held until the writer's
 * transaction commits; with the lock, the read of the last hash and the insert as three statements,
 * every other audited transaction also waited on the app's event loop between them, which under
 * load made the lock the bottleneck. The caller passes the canonical text of its entry; the hash is
 * sha256(prev_hash || canonical), exactly what `audit verify` recomputes. A VOLATILE function takes
 * a fresh snapshot for each statement, so the last hash is read after the lock is granted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function audit_event_append(
      p_occurred_at timestamptz, p_actor_user_id uuid, p_actor_label text, p_action text, p_subject_type text,
      p_subject_id text, p_organisation_id uuid, p_outcome text, p_details jsonb, p_ip text, p_request_id text,
      p_canonical text
    ) returns void language plpgsql volatile as $$
    declare
      previous text;
    begin
      perform pg_advisory_xact_lock(1635083369); -- 0x61756469, "audi": one chain, one writer at a time
      select hash into previous from audit_event order by seq desc limit 1;
      previous := coalesce(previous, repeat('0', 64));
      insert into audit_event (
        occurred_at, actor_user_id, actor_label, action, subject_type, subject_id, organisation_id, outcome,
        details, ip, request_id, prev_hash, hash)
      values (
        p_occurred_at, p_actor_user_id, p_actor_label, p_action, p_subject_type, p_subject_id, p_organisation_id,
        p_outcome, p_details, p_ip, p_request_id, previous,
        encode(sha256(convert_to(previous || p_canonical, 'UTF8')), 'hex'));
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function audit_event_append`.execute(db);
}
