import type { OnDutyDuty } from '@tandem/core/on-duty/duties';
import { defineMessages, type MessageDescriptor } from 'react-intl';

/** Each duty of the on-duty roster as staff read it (core's English labels are for machine output). */
export const dutyLabels: Record<OnDutyDuty, MessageDescriptor> = defineMessages({
  clinician_on_call: { id: 'onDuty.duty.clinicianOnCall', defaultMessage: 'Clinician on call' },
  prescriber_on_call: { id: 'onDuty.duty.prescriberOnCall', defaultMessage: 'Prescriber on call' },
  supervisor_on_call: { id: 'onDuty.duty.supervisorOnCall', defaultMessage: 'Supervisor on call' },
});
