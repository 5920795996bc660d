import { describe, expect, it } from 'vitest';
import { contactLink, mailtoHref, safeHref, slackHref, teamsChatHref } from '../../../core/escalation/index.ts';

describe('contact links', () => {
  it('Teams: a chat deep link with the UPN', () => {
    expect(contactLink({ type: 'teams', address: 'jane.doe@acme.example' }).href).toBe('https://teams.microsoft.com/l/chat/0/0?users=jane.doe@acme.example');
    expect(teamsChatHref(['a@x.example', 'b@x.example'], { subject: 'P1 #4711', message: 'Call me' })).toBe(
      'https://teams.microsoft.com/l/chat/0/0?users=a@x.example,b@x.example&topicName=P1%20%234711&message=Call%20me',
    );
  });

  it('Slack: slack://user and slack://channel with workspace and ids', () => {
    expect(contactLink({ type: 'slack', team: 'T02K7QZ4N', user: 'U04AS7M1T' }).href).toBe('slack://user?team=T02K7QZ4N&id=U04AS7M1T');
    expect(contactLink({ type: 'slack', team: 'T02K7QZ4N', channel: 'C0NOC1234' }).href).toBe('slack://channel?team=T02K7QZ4N&id=C0NOC1234');
    expect(slackHref('T1', { user: 'U1' })).toBe('slack://user?team=T1&id=U1');
  });

  it('tel: with an RFC 3966 extension, sms:, mailto:', () => {
    expect(contactLink({ type: 'phone', e164: '+19735550110', extension: '201', display: '+1 973 555 0110 ext 201' })).toMatchObject({ href: 'tel:+19735550110;ext=201', text: '+1 973 555 0110 ext 201' });
    expect(contactLink({ type: 'sms', e164: '+19735550111', display: '+1 973 555 0111' }).href).toBe('sms:+19735550111');
    expect(contactLink({ type: 'email', address: 'it@acme.example' }).href).toBe('mailto:it@acme.example');
    expect(mailtoHref('it@acme.example', { subject: 'P1 #4711' })).toBe('mailto:it@acme.example?subject=P1%20%234711');
  });

  it('only http(s), tel, sms, mailto and slack links leave the module', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(contactLink({ type: 'url', url: 'javascript:alert(1)' }).href).toBeNull();
    expect(contactLink({ type: 'url', url: 'slack://user?team=T&id=U' }).href).toBeNull();
    expect(contactLink({ type: 'url', url: 'https://portal.example/book' }).href).toBe('https://portal.example/book');
    for (const href of ['https://x.example', 'http://x.example', 'tel:+1', 'sms:+1', 'mailto:a@b.example', 'slack://user?team=T&id=U']) expect(safeHref(href)).toBe(href);
  });
});
