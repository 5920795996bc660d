// Service worker entry. crxjs resolves `?script` to the content script's output file name; files named *.iife.ts
// are built as one self-contained IIFE (no loader, no web-accessible chunks), which is what
// scripting.registerContentScripts and executeScript load into helpdesk pages. An origin whose mappings name one
// helpdesk type gets that type's script, which carries only its adapter; main.iife.ts carries them all.
import contentScript from '../content/main.iife.ts?script';
import autotask from '../content/scripts/autotask.iife.ts?script';
import connectwise from '../content/scripts/connectwise.iife.ts?script';
import freshdesk from '../content/scripts/freshdesk.iife.ts?script';
import freshservice from '../content/scripts/freshservice.iife.ts?script';
import generic from '../content/scripts/generic.iife.ts?script';
import glpi from '../content/scripts/glpi.iife.ts?script';
import halopsa from '../content/scripts/halopsa.iife.ts?script';
import jira from '../content/scripts/jira.iife.ts?script';
import osticket from '../content/scripts/osticket.iife.ts?script';
import servicenow from '../content/scripts/servicenow.iife.ts?script';
import zammad from '../content/scripts/zammad.iife.ts?script';
import zendesk from '../content/scripts/zendesk.iife.ts?script';
import { installListeners } from './listeners.ts';

installListeners({
  contentScript,
  contentScripts: { autotask, connectwise, freshdesk, freshservice, generic, glpi, halopsa, jira, osticket, servicenow, zammad, zendesk },
});
