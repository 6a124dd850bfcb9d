import { type EpisodeRequestMessage, episodeRequestMessages } from '@tandem/core/admission/episode-request';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { type SchemaMessages, schemaMessages } from '../forms/schema-messages.ts';

/** The reader's words for core's episode request rules (the server's messages too). */
const words: Record<EpisodeRequestMessage, MessageDescriptor> = defineMessages({
  asamEdition: {
    id: 'admission.episodeRequest.asamEdition',
    defaultMessage: 'Choose the 3rd or 4th edition',
  },
  asamLevelMissing: {
    id: 'admission.episodeRequest.asamLevelMissing',
    defaultMessage: 'Choose a level of care',
  },
  asamLevelOfEdition: {
    id: 'admission.episodeRequest.asamLevelOfEdition',
    defaultMessage: 'Not a level of care of this ASAM edition',
  },
  substanceClass: { id: 'admission.episodeRequest.substanceClass', defaultMessage: 'Choose a substance' },
  specificSubstanceTooLong: {
    id: 'admission.episodeRequest.specificSubstanceTooLong',
    defaultMessage: 'Keep this under 100 characters',
  },
  route: { id: 'admission.episodeRequest.route', defaultMessage: 'Choose how it is used' },
  frequency: { id: 'admission.episodeRequest.frequency', defaultMessage: 'Choose how often' },
  ageInYears: { id: 'admission.episodeRequest.ageInYears', defaultMessage: 'Enter an age in years' },
  ageWholeYears: { id: 'admission.episodeRequest.ageWholeYears', defaultMessage: 'Enter whole years' },
  ageTooLow: { id: 'admission.episodeRequest.ageTooLow', defaultMessage: 'Enter an age of 0 or more' },
  ageTooHigh: { id: 'admission.episodeRequest.ageTooHigh', defaultMessage: 'Enter an age of 120 or less' },
  diagnosisMissing: { id: 'admission.episodeRequest.diagnosisMissing', defaultMessage: 'Choose a diagnosis' },
  onsetDateFormat: {
    id: 'admission.episodeRequest.onsetDateFormat',
    defaultMessage: 'Enter the onset date as YYYY-MM-DD',
  },
  presentingProblemsTooLong: {
    id: 'admission.episodeRequest.presentingProblemsTooLong',
    defaultMessage: 'Keep this under 5000 characters',
  },
  coOccurringCondition: {
    id: 'admission.episodeRequest.coOccurringCondition',
    defaultMessage: 'Not a listed condition',
  },
  referralNoteTooLong: {
    id: 'admission.episodeRequest.referralNoteTooLong',
    defaultMessage: 'Keep the note under 1000 characters',
  },
  admittedOnFormat: {
    id: 'admission.episodeRequest.admittedOnFormat',
    defaultMessage: 'Enter the admission date as YYYY-MM-DD',
  },
  referralSource: {
    id: 'admission.episodeRequest.referralSource',
    defaultMessage: 'Choose who referred the patient',
  },
  setting: { id: 'admission.episodeRequest.setting', defaultMessage: 'Choose the setting of care' },
  substancesMissing: {
    id: 'admission.episodeRequest.substancesMissing',
    defaultMessage: 'Record at least the primary substance',
  },
  effectiveOnFormat: {
    id: 'admission.episodeRequest.effectiveOnFormat',
    defaultMessage: 'Enter the date of the change as YYYY-MM-DD',
  },
  direction: {
    id: 'admission.episodeRequest.direction',
    defaultMessage: 'Choose step-down, step-up or same intensity',
  },
  newSetting: { id: 'admission.episodeRequest.newSetting', defaultMessage: 'Choose the new setting of care' },
  reasonMissing: {
    id: 'admission.episodeRequest.reasonMissing',
    defaultMessage: 'Say why the level of care changes',
  },
  dischargedOnFormat: {
    id: 'admission.episodeRequest.dischargedOnFormat',
    defaultMessage: 'Enter the discharge date as YYYY-MM-DD',
  },
  dischargeType: {
    id: 'admission.episodeRequest.dischargeType',
    defaultMessage: 'Choose the type of discharge',
  },
  aftercarePlanTooLong: {
    id: 'admission.episodeRequest.aftercarePlanTooLong',
    defaultMessage: 'Keep the plan under 10,000 characters',
  },
});

export const episodeRequestRuleMessages: SchemaMessages = schemaMessages(episodeRequestMessages, words);
