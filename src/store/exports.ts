/**
 * File exports that need the model (the SBML of an arm): the store hands the current scenario and link to the
 * worker's export client; the views only ask for the file.
 */
import { sbmlOfArm } from '../worker/exportClient';
import { useExplorer } from './explorer';
import { currentQuery } from './url';

/** The SBML Level 3 Version 2 model of arm `armIndex` (from 0) of the current scenario. */
export function armSbml(armIndex: number): Promise<string> {
  const { scenario } = useExplorer.getState();
  return sbmlOfArm(scenario, armIndex, currentQuery());
}
