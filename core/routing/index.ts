export { route, pickActivity, originOf, type Routed, type RouteResult, type MatchedRule } from './route.ts';
export { matches, describeCondition, describeValue, globToRegExp } from './conditions.ts';
export { fieldValues, domainOf, type TicketFacts } from './facts.ts';
