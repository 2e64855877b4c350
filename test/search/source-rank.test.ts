import { expect } from '@open-wc/testing';
import Fuse from 'fuse.js';
import type { Source } from '../../src/model/types.js';
import { rankSources, sourceIndex } from '../../src/search/source-rank.js';

function source(id: string, title: string, more: Partial<Source> = {}): Source {
  return { id, mapId: 'm', title, type: 'primary', createdAt: '2026-01-01', updatedAt: '2026-01-01', ...more };
}

const sources = [
  source('s1', 'The Collapse of the Soviet Union', { authors: 'Mikhail Gorbachev', publisher: 'Doubleday' }),
  source('s2', 'Écrits politiques', { authors: 'Raymond Aron' }),
  source('s3', 'NATO expansion memo', { url: 'https://nsarchive.gwu.edu/memo' }),
  source('s4', 'A history of détente', { authors: 'Gorbachev and Reagan', publisher: 'Penguin' }),
];
const ids = (list: Source[]) => list.map((s) => s.id);

describe('source ranking for the source picker', () => {
  it('lists every source by folded title when the query is blank', () => {
    expect(ids(rankSources(undefined, sources, '   '))).to.deep.equal(['s4', 's2', 's3', 's1']);
  });

  it('without fuse.js, keeps sources where every word is part of some field, by title', () => {
    expect(ids(rankSources(undefined, sources, 'gorbachev'))).to.deep.equal(['s4', 's1']);
    expect(ids(rankSources(undefined, sources, 'GORBACHEV penguin'))).to.deep.equal(['s4']);
    expect(ids(rankSources(undefined, sources, 'ecrits'))).to.deep.equal(['s2']);
    expect(ids(rankSources(undefined, sources, 'gwu.edu'))).to.deep.equal(['s3']);
    // No typo tolerance until fuse.js has loaded.
    expect(ids(rankSources(undefined, sources, 'gorbachov'))).to.deep.equal([]);
  });

  it('with fuse.js, finds a misspelt name and ranks the better title match first', () => {
    const fuse = sourceIndex(Fuse, sources);
    expect(ids(rankSources(fuse, sources, 'gorbachov'))).to.deep.equal(['s1', 's4']);
    expect(ids(rankSources(fuse, sources, 'detente'))).to.deep.equal(['s4']);
    // Every word must match: "penguin" leaves only the Penguin book.
    expect(ids(rankSources(fuse, sources, 'gorbachov penguin'))).to.deep.equal(['s4']);
    expect(ids(rankSources(fuse, sources, 'zzzzqqq'))).to.deep.equal([]);
  });

  it('lists at most 50 sources', () => {
    const many = Array.from({ length: 60 }, (_, i) => source(`m${i}`, `Memo ${String(i).padStart(2, '0')}`));
    const blank = rankSources(undefined, many, '');
    expect(blank.length).to.equal(50);
    expect(blank[49]!.id).to.equal('m49');
    expect(rankSources(undefined, many, 'memo').length).to.equal(50);
    expect(rankSources(sourceIndex(Fuse, many), many, 'memo').length).to.equal(50);
  });
});
