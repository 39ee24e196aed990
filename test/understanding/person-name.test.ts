import assert from 'node:assert/strict';
import { it } from 'node:test';
import { personName } from '../../src/understanding/person-name.js';

it('turns "Surname, First tussenvoegsel" into the name as spoken', () => {
  assert.equal(personName('Dijk, Marloes van'), 'Marloes van Dijk');
  assert.equal(personName('"Rutten, Annemiek"'), 'Annemiek Rutten');
  assert.equal(personName('Anke Terpstra'), 'Anke Terpstra');
  assert.equal(personName("Jan 't Hart"), "Jan 't Hart");
  assert.equal(personName('Griffie De Bilt'), 'Griffie De Bilt');
  assert.equal(personName('a@b.nl'), null);
  assert.equal(personName(''), null);
  assert.equal(personName('Team 3, Griffie'), 'Team 3, Griffie');
});
