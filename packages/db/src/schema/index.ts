export * from "./organisation";
export * from "./identity";
export * from "./patient";
export * from "./directory";
export * from "./case";
export * from "./outage";
export * from "./contacts";
export * from "./audit";
