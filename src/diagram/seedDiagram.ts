/**
 * The diagram at the top of the seed note ("Kubernetes Service 筆記 — 抽象圖小記"): a Service with Endpoints
 * edges to four Nginx pods on three nodes, and an APP pod that reaches the Service. The note prints it on one
 * line (`seedDiagramOneLine`, verbatim); `seedDiagram` is the same text with its line breaks put back.
 */
export const seedDiagram = `graph TD
subgraph Kubernetes Cluster
A[Service] --> N1[Nginx]
A --> |Endpoints|N2[Nginx]
A --> N3[Nginx]
A --> N4[Nginx]
APP -->|Access Service 訪問Virutal Server| A
subgraph Node1
N1
N2
end
subgraph Node2
N3
end
subgraph Node3
N4
APP
end
end
`;

export const seedDiagramOneLine =
  'graph TD subgraph Kubernetes Cluster A[Service] --> N1[Nginx] A --> |Endpoints|N2[Nginx] A --> N3[Nginx] A --> N4[Nginx] APP -->|Access Service 訪問Virutal Server| A subgraph Node1 N1 N2 end subgraph Node2 N3 end subgraph Node3 N4 APP end end';
