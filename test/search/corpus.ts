/** The small corpus the query tests read (index 6 is used by the operator tests only). */
export const QUERY_CORPUS = [
  'Large Language Models as Agents\nWe study language models acting as agents.', // 0
  'Agentic workflows\nAn agentic system for planning.', // 1
  'A language for models\nWe design a modeling language; models are compiled.', // 2
  'Fine-tuning diffusion models\nFine tuning of diffusion models for graphs.', // 3
  'Graph neural networks\nRobustness of graph neural networks to attacks. Model language.', // 4
  'Mixture-of-Experts routing\nA mixture of the experts with model agents.', // 5
  'Quantum agents\nAgents on quantum computers.', // 6
];
