import type { AlertKind, AlertSeverity } from '@tandem/core';
import { defineMessages, type MessageDescriptor } from 'react-intl';

/** Each kind of alert as the people it reaches read it (core's English labels are for machine output). */
export const alertKindLabels: Record<AlertKind, MessageDescriptor> = defineMessages({
  intake_item_overdue: { id: 'alerts.kind.intakeItemOverdue', defaultMessage: 'Intake item overdue' },
  break_glass_review: { id: 'alerts.kind.breakGlassReview', defaultMessage: 'Emergency access to review' },
  risk_signal: { id: 'alerts.kind.riskSignal', defaultMessage: 'Risk signal' },
});

export const alertSeverityLabels: Record<AlertSeverity, MessageDescriptor> = defineMessages({
  urgent: { id: 'alerts.severity.urgent', defaultMessage: 'Urgent' },
  high: { id: 'alerts.severity.high', defaultMessage: 'High' },
  routine: { id: 'alerts.severity.routine', defaultMessage: 'Routine' },
});

export const alertSeverityColor: Record<AlertSeverity, string> = {
  urgent: 'red',
  high: 'orange',
  routine: 'blue',
};
