import { condition, defineSignal, setHandler, workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { phaseChangedSignal } from '../../../workflows/caseMessages';

/** Lets the held signal go. */
export const releaseCatchUpSignal = defineSignal('test:releaseCatchUp');

/**
 * Test instrumentation for a campaign: the phase signal that catches an added case up (the one the
 * add-enterprise handler sends; the campaign's own fan-out states `reportsSubmitted`) waits until
 * the test sends `releaseCatchUpSignal`. The handler stays at work for as long as the test likes.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  if (workflowInfo().workflowType !== 'campaignWorkflow') return {};
  let released = false;
  setHandler(releaseCatchUpSignal, () => {
    released = true;
  });
  return {
    outbound: [
      {
        async signalWorkflow(input, next) {
          const [args] = input.args as [object];
          if (input.signalName === phaseChangedSignal.name && !('reportsSubmitted' in args)) await condition(() => released);
          return next(input);
        },
      },
    ],
  };
};
