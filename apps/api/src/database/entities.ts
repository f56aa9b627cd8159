import { LoginThrottle } from '../identity/entities/login-throttle.entity';
import { RoleAssignment } from '../identity/entities/role-assignment.entity';
import { Session } from '../identity/entities/session.entity';
import { User } from '../identity/entities/user.entity';
import { RecordEntry } from '../record/entities/record-entry.entity';
import { Building } from '../registry/entities/building.entity';
import { Community } from '../registry/entities/community.entity';
import { Owner } from '../registry/entities/owner.entity';
import { UnitOwner } from '../registry/entities/unit-owner.entity';
import { Unit } from '../registry/entities/unit.entity';

/** Listed explicitly: path globs break in monorepo builds. */
export const ENTITIES = [User, Session, LoginThrottle, RoleAssignment, Community, Building, Unit, Owner, UnitOwner, RecordEntry];
