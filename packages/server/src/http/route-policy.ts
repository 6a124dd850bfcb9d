import {
  type Action,
  actions,
  type OrganizationResource,
  organizationResources,
  type PatientResource,
  patientResources,
} from '@tandem/core';
import { type PatientOwnedRecord, patientOwnedRecords } from '../access/patient-owner-repository.ts';
import { type RecordTargetKind, recordTargetKinds } from '../access/record-target-repository.ts';
import type { Principal } from '../identity/principal.ts';
import type { AccessGrant } from '../records/record-context.ts';

/**
 * Every route declares who may call it (`config.access`), and one hook enforces it before any handler runs:
 * public, any signed-in user, or what the access policy (packages/core/src/access) decides for the resource and
 * action the route touches. A route that declares nothing is refused (fail closed); a test enumerates the routes.
 *
 * Routes on one patient's record name the path parameter that holds the patient id; the hook loads the caller's
 * relationship to that patient (care team, subject, consent, break-the-glass) in one query and asks the policy.
 * List routes over patients (`patient: 'list'`) are decided by decidePatientList and filter in SQL by its scope,
 * and the handler decides each row's fields with the policy (decidePatientListRow). Routes on a record whose
 * resource depends on what it is (an invitation: a staff member's, a patient's, a support contact's) name it
 * (`record: { param, kind }`): the hook finds what it is and whose, and decides as for that resource. Every decision on a policy route is audited: refusals at
 * once, reads before the response leaves (a list read once per patient and resource it returned), writes in the
 * write's own transaction.
 */
export interface OrganizationRoutePolicy {
  resource: OrganizationResource;
  action: Action;
}

export interface PatientRoutePolicy {
  resource: PatientResource;
  action: Action;
  /**
   * How the route names its patient: the path parameter holding the patient id; or the parameter holding the id
   * of a record the patient owns (`owner`), whose patient the hook looks up; or 'list' for a route over many.
   */
  patient: { param: string; owner?: PatientOwnedRecord } | 'list';
  /**
   * A read whose handler audits it in its own unit of work (records.write or records.read), naming what it read
   * (the family portal's view names the disclosure it accounted): the hook queues no read event of its own.
   */
  audit?: 'unit-of-work';
}

/**
 * A route on one record named by its id, whose resource depends on the record (an invitation's kind): the hook
 * finds it in the caller's organization (access/record-target-repository.ts; none there answers 404 like a record
 * that does not exist), then decides `action` on the resource it stands for, on its patient's record if it has one.
 */
export interface RecordRoutePolicy {
  action: Action;
  record: { param: string; kind: RecordTargetKind };
}

export type RoutePolicy = OrganizationRoutePolicy | PatientRoutePolicy | RecordRoutePolicy;
export type RouteAccess = 'public' | 'signed-in' | RoutePolicy;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    access: AccessGrant | null;
  }
}

export function isDeclaredAccess(access: unknown): access is RouteAccess {
  if (access === 'public' || access === 'signed-in') return true;
  if (typeof access !== 'object' || access === null) return false;
  const { resource, action } = access as Partial<OrganizationRoutePolicy | PatientRoutePolicy>;
  if (!(actions as readonly unknown[]).includes(action)) return false;
  if ('record' in access) {
    const record = (access as Partial<RecordRoutePolicy>).record;
    return (
      !('resource' in access) &&
      typeof record?.param === 'string' &&
      (recordTargetKinds as readonly unknown[]).includes(record.kind)
    );
  }
  if ((organizationResources as readonly unknown[]).includes(resource)) return !('patient' in access);
  if (!(patientResources as readonly unknown[]).includes(resource)) return false;
  const patient = (access as Partial<PatientRoutePolicy>).patient;
  const audit = (access as Partial<PatientRoutePolicy>).audit;
  if (audit !== undefined && audit !== 'unit-of-work') return false;
  if (patient === 'list') return true;
  if (typeof patient !== 'object' || typeof patient?.param !== 'string') return false;
  return patient.owner === undefined || (patientOwnedRecords as readonly unknown[]).includes(patient.owner);
}
