import { type AlertKind, type AlertSeverity, alertKindRules, alertSeverityLabels } from '@tandem/core';

export const alertKindLabel = (kind: AlertKind): string => alertKindRules[kind].label;
export const alertSeverityLabel = (severity: AlertSeverity): string => alertSeverityLabels[severity];

export const alertSeverityColor: Record<AlertSeverity, string> = {
  urgent: 'red',
  high: 'orange',
  routine: 'blue',
};
