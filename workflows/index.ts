export { tipIntakeWorkflow } from './tipIntake';
