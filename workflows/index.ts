export { tipIntakeWorkflow } from './tipIntake';
export { enterpriseCaseWorkflow } from './enterpriseCase';
export { campaignWorkflow } from './campaign';
export { benchmarkBaselineWorkflow } from './benchmarkBaseline';
export { accountEmailWorkflow } from './accountEmail';
