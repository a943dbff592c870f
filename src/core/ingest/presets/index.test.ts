import { describe, expect, it } from 'vitest';
import { CANONICAL_COLUMNS } from '../../schema/sources.ts';
import { detectPreset, expectedExports, PRESETS } from './index.ts';
import { ruleOf } from './types.ts';

const header = (line: string) => line.split(',').map((n) => n.replace(/^"|"$/g, '').toLowerCase());

describe('detectPreset', () => {
  it.each([
    ['deals', 'Record ID,Deal Name,Last Activity Date,State,Deal Stage,Close Date,Deal owner,Amount,Pipeline', 'hubspot', 'HubSpot deals export'],
    ['activities', 'Record ID,Call Title,Activity date,Activity assigned to,Call direction,Call outcome', 'hubspot', 'HubSpot calls export'],
    ['activities', 'Record ID,Meeting name,Activity date,Activity assigned to,Meeting outcome', 'hubspot', 'HubSpot meetings export'],
    ['deals', 'Territory Region,Opportunity Owner,Account Name,Opportunity Name,Stage,Forecast Category,Close Date', 'salesforce', 'Salesforce opportunities export'],
    ['deals', 'Id,Name,AccountId,OwnerId,StageName,Amount,CloseDate,CreatedDate,LeadSource', 'salesforce', 'Salesforce opportunities export'],
    ['stage_history', 'Opportunity ID,Opportunity Name,From Stage,To Stage,Amount,Last Modified', 'salesforce', 'Salesforce opportunity history export'],
    ['stage_history', 'Id,OpportunityId,StageName,Amount,CloseDate,CreatedDate', 'salesforce', 'Salesforce opportunity history export'],
    ['activities', 'Id,WhoId,WhatId,Subject,ActivityDate,OwnerId,Type,TaskSubtype', 'salesforce', 'Salesforce activities export'],
    ['deals', '"ID","NAME","ACCOUNTID","ACCOUNT.NAME","STAGENAME","AMOUNT","CLOSEDATE","CREATEDDATE","OWNERID","OWNER.NAME"', 'salesforce', 'Salesforce opportunities export'],
    ['stage_history', 'Id,OpportunityId,CreatedById,CreatedDate,StageName,Amount,ExpectedRevenue,CloseDate,Probability,IsDeleted', 'salesforce', 'Salesforce opportunity history export'],
    ['quotas', '"ID","QUOTAOWNERID","QUOTAOWNER.NAME","STARTDATE","QUOTAAMOUNT","CURRENCYISOCODE"', 'salesforce', 'Salesforce forecasting quotas export'],
    ['deals', 'Deal - Title,Deal - Value,Deal - Organization,Deal - Contact person,Deal - Expected close date,Deal - Owner,Deal - Status,Deal - Deal created', 'pipedrive', 'Pipedrive deals export'],
    ['activities', 'Activity - Subject,Activity - Type,Activity - Due date,Activity - Assigned to user,Activity - Done', 'pipedrive', 'Pipedrive activities export'],
    ['deals', 'Potential Name,Potential Owner,Created Time,Closing Date,Amount,Expected Revenue,Stage,Forecast Type', 'zoho', 'Zoho potentials (deals) export'],
    ['deals', 'Record Id,Deal Owner,Deal Name,Account Name,Stage,Amount,Closing Date', 'zoho', 'Zoho potentials (deals) export'],
    ['activities', 'TASKID,Call Start Time,Call Duration (in seconds),Call Owner,Call Owner Id,Subject', 'zoho', 'Zoho calls export'],
    ['activities', 'EVENTID,Event Owner,Event Owner Id,Subject,Start DateTime,End DateTime', 'zoho', 'Zoho events (meetings) export'],
  ] as const)('%s: %s -> %s', (kind, line, preset, label) => {
    const found = detectPreset(kind, header(line));
    expect([found?.preset.name, found?.shape.label]).toEqual([preset, label]);
  });

  it('finds nothing in a canonical file, a foreign export, or a header of another kind', () => {
    expect(detectPreset('deals', header('id,owner,stage,amount,created,close_date'))).toBeNull();
    expect(detectPreset('deals', header('opportunity_id,sales_agent,deal_stage,close_date'))).toBeNull();
    expect(detectPreset('activities', header('Record ID,Deal Name,Deal Stage,Close Date,Deal owner'))).toBeNull();
  });

  it('can be limited to the preset the config names', () => {
    expect(detectPreset('deals', header('Potential Owner,Closing Date,Stage'), 'hubspot')).toBeNull();
    expect(detectPreset('deals', header('Potential Owner,Closing Date,Stage'), 'zoho')?.preset.name).toBe('zoho');
  });
});

describe('the presets', () => {
  it('map only canonical columns, with lower-case header names', () => {
    for (const preset of Object.values(PRESETS)) {
      for (const shape of preset.shapes) {
        const known: readonly string[] = CANONICAL_COLUMNS[shape.kind];
        for (const [key, rule] of Object.entries(shape.columns)) {
          expect(known, `${shape.label}: ${key}`).toContain(key);
          for (const name of ruleOf(rule).from) expect(name).toBe(name.toLowerCase());
        }
        for (const group of shape.detect) for (const name of group) expect(name).toBe(name.toLowerCase());
      }
    }
  });

  it('say what they expect, for messages', () => {
    expect(expectedExports('deals')).toContain('HubSpot deals export (Deal Stage, Deal Name, Close Date)');
    expect(expectedExports('quotas')).toEqual(['Salesforce forecasting quotas export (Quota Owner, Start Date, Quota Amount)']);
    expect(expectedExports('customers')).toEqual([]);
  });
});
