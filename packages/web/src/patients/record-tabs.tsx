import {
  IconEye,
  IconHospital,
  IconId,
  IconMailPlus,
  IconShare,
  IconSignature,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { mayOnRecord } from '../access/policy.ts';
import { EpisodesTab } from '../admission/components/EpisodesTab.tsx';
import { AccessLogTable } from '../audit-log/components/AccessLogTable.tsx';
import { CareTeamTab } from '../care-team/components/CareTeamTab.tsx';
import { ConsentsTab } from '../consents/components/ConsentsTab.tsx';
import { DisclosureAccountingTable } from '../disclosures/components/DisclosureAccountingTable.tsx';
import { PatientInvitationsPanel } from '../invitations/components/PatientInvitationsPanel.tsx';
import { RecordOverview } from './components/RecordOverview.tsx';
import type { RecordTabContext } from './record-tab-context.ts';

export interface PatientRecordTab {
  /** Kept in the URL (?tab=...): ids only, never patient information. */
  value: string;
  label: MessageDescriptor;
  icon: ReactNode;
  /** Asks the access policy whether the viewer may read what the tab shows. */
  visible: (context: RecordTabContext) => boolean;
  Panel: (context: RecordTabContext) => ReactNode;
}

const labels = defineMessages({
  overview: { id: 'patients.recordTabs.overview', defaultMessage: 'Overview' },
  episodes: { id: 'patients.recordTabs.episodes', defaultMessage: 'Episodes' },
  careTeam: { id: 'patients.recordTabs.careTeam', defaultMessage: 'Care team' },
  consents: { id: 'patients.recordTabs.consents', defaultMessage: 'Consents' },
  disclosures: { id: 'patients.recordTabs.disclosures', defaultMessage: 'Disclosures' },
  invitations: { id: 'patients.recordTabs.invitations', defaultMessage: 'Portal invitations' },
  accessLog: { id: 'patients.recordTabs.accessLog', defaultMessage: 'Who accessed this record' },
});

/**
 * The tabs of a patient record, in order. A feature adds its part of the record here: one entry with the policy
 * resource it reads (see mayOnRecord), and a panel that loads its own data when the tab is opened.
 */
export const patientRecordTabs: readonly PatientRecordTab[] = [
  {
    value: 'overview',
    label: labels.overview,
    icon: <IconId size={16} />,
    visible: () => true,
    Panel: RecordOverview,
  },
  {
    // Admission to discharge; shown also to clinical staff who may admit a patient they do not yet care for.
    value: 'episodes',
    label: labels.episodes,
    icon: <IconHospital size={16} />,
    visible: ({ viewer, record, now }) =>
      mayOnRecord(viewer, record, 'read', 'episode_of_care', now) ||
      mayOnRecord(viewer, record, 'create', 'episode_of_care', now),
    Panel: EpisodesTab,
  },
  {
    // Who cares for the patient, its history, and assigning a primary therapist from the ranked list.
    value: 'care-team',
    label: labels.careTeam,
    icon: <IconUsersGroup size={16} />,
    visible: ({ viewer, record, now }) => mayOnRecord(viewer, record, 'read', 'care_team', now),
    Panel: CareTeamTab,
  },
  {
    // Support contacts and the written consents to disclose (42 CFR Part 2).
    value: 'consents',
    label: labels.consents,
    icon: <IconSignature size={16} />,
    visible: ({ viewer, record, now }) => mayOnRecord(viewer, record, 'read', 'consent_record', now),
    Panel: ConsentsTab,
  },
  {
    value: 'disclosures',
    label: labels.disclosures,
    icon: <IconShare size={16} />,
    visible: ({ viewer, record, now }) => mayOnRecord(viewer, record, 'read', 'disclosure_accounting', now),
    Panel: ({ record }) => <DisclosureAccountingTable patientId={record.id} />,
  },
  {
    // The care team invites the patient (and, with consent, loved ones); the server decides each invitation.
    value: 'invitations',
    label: labels.invitations,
    icon: <IconMailPlus size={16} />,
    visible: ({ viewer, record, now }) => mayOnRecord(viewer, record, 'read', 'portal_invitation', now),
    Panel: ({ record }) => (
      <PatientInvitationsPanel
        patientId={record.id}
        patientName={record.preferredName ?? record.legalGivenName}
        emailOnRecord={record.email}
      />
    ),
  },
  {
    value: 'access-log',
    label: labels.accessLog,
    icon: <IconEye size={16} />,
    visible: ({ viewer, record, now }) => mayOnRecord(viewer, record, 'read', 'access_log', now),
    Panel: ({ record }) => <AccessLogTable patientId={record.id} />,
  },
];

export const defaultRecordTab = 'overview';
