import { describe, expect, it } from 'vitest';
import { describeQuery } from '../../../src/app/lib/describeQuery.ts';

describe('describeQuery', () => {
  it('quotes a plain query once', () => expect(describeQuery(' agents ')).toBe('“agents”'));
  it('keeps the user\'s own phrase quotes without adding more', () => expect(describeQuery('"quantum computer"')).toBe('"quantum computer"'));
  it('keeps mixed terms and phrases as typed', () => expect(describeQuery('rl "language model"')).toBe('rl "language model"'));
});
