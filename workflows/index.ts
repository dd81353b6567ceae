export { tipIntakeWorkflow } from './tipIntake';
export { enterpriseCaseWorkflow } from './enterpriseCase';
export { campaignWorkflow } from './campaign';
export { accountEmailWorkflow } from './accountEmail';
export { referralWorkflow } from './referral';
export { tipTriageWorkflow } from './tipTriage';
