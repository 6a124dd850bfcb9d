import { auditOutcomes } from '@tandem/core/audit/audit-chain';
import { defineMessage, type MessageDescriptor } from 'react-intl';

/**
 * The audit view's filters, kept in the page's URL so that a view can be bookmarked and shared. They hold ids,
 * dates and codes only, never a name: a URL must carry no patient information.
 */
export interface AuditFilters {
  userId?: string;
  patientId?: string;
  /** Calendar days (YYYY-MM-DD) in the organization's time zone, both inclusive. */
  from?: string;
  to?: string;
  action?: string;
  outcome?: (typeof auditOutcomes)[number];
  resourceType?: string;
}

export const filterKeys = ['userId', 'patientId', 'from', 'to', 'action', 'outcome', 'resourceType'] as const;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = /^\d{4}-\d{2}-\d{2}$/;
const code = /^[a-z][a-z_]{0,39}$/;

function isCalendarDay(value: string): boolean {
  if (!day.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const valid: Record<(typeof filterKeys)[number], (value: string) => boolean> = {
  userId: (value) => uuid.test(value),
  patientId: (value) => uuid.test(value),
  from: isCalendarDay,
  to: isCalendarDay,
  action: (value) => code.test(value),
  outcome: (value) => (auditOutcomes as readonly string[]).includes(value),
  resourceType: (value) => code.test(value),
};

/** Reads filters from the URL's search, dropping anything the server would refuse. */
export function parseAuditSearch(search: Record<string, unknown>): AuditFilters {
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = search[key];
    if (typeof value === 'string' && valid[key](value)) filters[key] = value;
  }
  return filters as AuditFilters;
}

/** The filters as query parameters, the empty ones left out. */
export function auditQueryParams(filters: AuditFilters): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = filters[key];
    if (value !== undefined && value !== '') params[key] = value;
  }
  return params;
}

/** The CSV export of exactly what the view shows (every page of it). */
export function auditCsvHref(filters: AuditFilters): string {
  const query = new URLSearchParams(auditQueryParams(filters)).toString();
  return query === '' ? '/api/audit-events.csv' : `/api/audit-events.csv?${query}`;
}

const backwardsRange = defineMessage({
  id: 'auditLog.filters.backwardsRange',
  defaultMessage: 'The end date is before the start date',
});

/** The one mistake the form can make that the server would refuse: a range that ends before it starts. */
export function dateRangeError(filters: AuditFilters): MessageDescriptor | undefined {
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    return backwardsRange;
  }
  return undefined;
}

export function hasFilters(filters: AuditFilters): boolean {
  return Object.keys(auditQueryParams(filters)).length > 0;
}
