/**
 * The SED-ML file of a scenario is its time course for SBML tools: one SBML model per arm (the files sbml.ts writes),
 * a uniform time course over the horizon at the output step with LSODA (KISAO:0000088), and plots and a report of
 * tumour volume, CD8 T cells and plasma PGE2 for every arm (SED-ML Level 1 Version 3).
 */
import type { Scenario } from '../scenario/types';
import { xmlText } from './sbml';

/** The series plotted, as [SBML id, SBML list, title]. */
const PLOTTED: readonly [string, 'species' | 'parameter', string][] = [
  ['tumourVolume', 'parameter', 'Tumour volume (mm3)'],
  ['cd8', 'species', 'Effector CD8 T cells (cells)'],
  ['pge2Plasma', 'parameter', 'Plasma PGE2 (relative)'],
];

const MATH = (id: string) => `<math xmlns="http://www.w3.org/1998/Math/MathML"><ci>${id}</ci></math>`;

/** SED-ML for the scenario; `files[i]` is the SBML file of arm i, relative to the SED-ML file. */
export function sedmlDocument(scenario: Scenario, files: readonly string[]): string {
  const arms = scenario.arms.map((arm, i) => ({ n: i + 1, name: arm.name, file: files[i] }));
  const points = Math.max(1, Math.round(scenario.horizon / scenario.outputStep));
  const target = (id: string, list: 'species' | 'parameter') =>
    list === 'species'
      ? `/sbml:sbml/sbml:model/sbml:listOfSpecies/sbml:species[@id='${id}']`
      : `/sbml:sbml/sbml:model/sbml:listOfParameters/sbml:parameter[@id='${id}']`;
  const models = arms.map(
    (a) =>
      `    <model id="arm${a.n}" name="${xmlText(a.name)}" language="urn:sedml:language:sbml.level-3.version-2" source="${xmlText(a.file)}"/>`,
  );
  const tasks = arms.map(
    (a) => `    <task id="task_arm${a.n}" modelReference="arm${a.n}" simulationReference="timeCourse"/>`,
  );
  const generators = arms.flatMap((a) => [
    `    <dataGenerator id="time_arm${a.n}" name="time (days)"><listOfVariables><variable id="t" symbol="urn:sedml:symbol:time" taskReference="task_arm${a.n}"/></listOfVariables>${MATH('t')}</dataGenerator>`,
    ...PLOTTED.map(
      ([id, list]) =>
        `    <dataGenerator id="${id}_arm${a.n}" name="${id}"><listOfVariables><variable id="v" target="${target(id, list)}" taskReference="task_arm${a.n}"/></listOfVariables>${MATH('v')}</dataGenerator>`,
    ),
  ]);
  const plots = PLOTTED.map(
    ([id, , title]) =>
      `    <plot2D id="plot_${id}" name="${xmlText(title)}"><listOfCurves>${arms
        .map(
          (a) =>
            `<curve id="curve_${id}_arm${a.n}" name="${xmlText(a.name)}" logX="false" logY="false" xDataReference="time_arm${a.n}" yDataReference="${id}_arm${a.n}"/>`,
        )
        .join('')}</listOfCurves></plot2D>`,
  );
  const report = `    <report id="report" name="time courses of every arm"><listOfDataSets>${arms
    .flatMap((a) => [
      `<dataSet id="ds_time_arm${a.n}" label="arm ${a.n} time" dataReference="time_arm${a.n}"/>`,
      ...PLOTTED.map(
        ([id]) => `<dataSet id="ds_${id}_arm${a.n}" label="arm ${a.n} ${id}" dataReference="${id}_arm${a.n}"/>`,
      ),
    ])
    .join('')}</listOfDataSets></report>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<sedML xmlns="http://sed-ml.org/sed-ml/level1/version3" xmlns:sbml="http://www.sbml.org/sbml/level3/version2/core" level="1" version="3">
  <listOfSimulations>
    <uniformTimeCourse id="timeCourse" name="${scenario.horizon} days, every ${scenario.outputStep} days" initialTime="0" outputStartTime="0" outputEndTime="${scenario.horizon}" numberOfPoints="${points}"><algorithm kisaoID="KISAO:0000088"/></uniformTimeCourse>
  </listOfSimulations>
  <listOfModels>
${models.join('\n')}
  </listOfModels>
  <listOfTasks>
${tasks.join('\n')}
  </listOfTasks>
  <listOfDataGenerators>
${generators.join('\n')}
  </listOfDataGenerators>
  <listOfOutputs>
${plots.join('\n')}
${report}
  </listOfOutputs>
</sedML>
`;
}
