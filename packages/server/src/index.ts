export { type RunningTandem, startTandem } from './app/start.ts';
export { StartupError } from './app/startup-error.ts';
export { type Config, ConfigError, loadConfig, parseConfig } from './config/config.ts';
export { demoAccountFor, demoAccounts, demoOrganization, demoPassword } from './demo/demo-accounts.ts';
