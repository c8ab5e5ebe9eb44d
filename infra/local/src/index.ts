export { prepare, type PrepareOptions } from './prepare.ts';
export { REPO_ROOT } from './paths.ts';
export { ServiceProcess, ServiceStartError, type ServiceProcessOptions } from './service-process.ts';
export { bundlePath } from './bundle.ts';
export { SERVICES, TOOLS, service, type Program, type ServiceDefinition } from './services.ts';
export { planSystem, type SystemPlan } from './system-env.ts';
export { launcherEnv } from './config.ts';
