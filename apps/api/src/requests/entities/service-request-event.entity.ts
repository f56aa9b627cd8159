import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a request's history (insert-only: the database refuses UPDATE and DELETE). */
@Entity('service_request_events')
@Index(['communityId', 'requestId', 'at'])
export class ServiceRequestEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  requestId: string;

  /** filed, dispatched, accepted, progress, closed, rated, reopened, cancelled, escalated, promoted, confirmed. */
  @Column('text')
  kind: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text', nullable: true })
  toStatus: string | null;

  /** Null for the system (the overdue timer). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column('timestamptz')
  at: Date;
}
