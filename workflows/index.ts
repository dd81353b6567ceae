export { tipIntakeWorkflow } from './tipIntake';
export { enterpriseCaseWorkflow } from './enterpriseCase';
export { campaignWorkflow } from './campaign';
export { accountEmailWorkflow } from './accountEmail';
export { exportTraceWorkflow } from './exportTrace';
export { criminalTransferWorkflow } from './criminalTransfer';
export { referralWorkflow } from './referral';
export { tipTriageWorkflow } from './tipTriage';
