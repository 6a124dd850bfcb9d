import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { type PatientPage, type PatientSummary, patientQueryKeys } from '../patients/api.ts';

/**
 * Every patient in treatment the list can give (pages of 200, up to its depth), for the program overview. Under
 * the patients' key, so that an admission or a discharge refreshes it.
 */
export const patientsInTreatmentQueryOptions = queryOptions({
  queryKey: [...patientQueryKeys.all, 'in-treatment'] as const,
  queryFn: async ({ signal }): Promise<Omit<PatientPage, 'nextOffset'>> => {
    const items: PatientSummary[] = [];
    let offset: number | null = 0;
    let page: PatientPage | undefined;
    while (offset !== null) {
      page = await unwrap(
        api.POST('/api/patients/search', { body: { status: 'active', limit: 200, offset }, signal }),
      );
      items.push(...page.items);
      offset = page.nextOffset;
    }
    return { items, total: page?.total ?? 0, totalIsExact: page?.totalIsExact ?? true };
  },
});
