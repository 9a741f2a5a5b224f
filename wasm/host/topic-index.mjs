// SPDX-License-Identifier: GPL-3.0-or-later
// The dispatches of a compact plan by topic, so that the host loop forwards a listener's
// output only to the targets whose topic it reaches, as engine/pipeline/TopicIndex does
// natively. The plan's propagation map names every dispatch of every later group, so
// pushing the whole output to each target and filtering it there (the plain rule) is
// quadratic in the dispatches; looking each produced path up here costs its depth.
//
// A produced path p reaches topic t when t is '' or p, an ancestor of p ('a' for 'a.b'),
// or lies below p ('a.b' for 'a') — listeners.mjs topicMatches.
const REACHED_MEMO_SIZE = 4096;

export class TopicIndex {
  // `topics[id]` is dispatch id's topic path.
  constructor(topics) {
    this.byTopic = new Map(); // topic → ids with exactly that topic, ascending
    this.below = new Map(); // path → ids whose topic lies strictly below it, ascending
    this.memo = new Map(); // path → reached(path)
    topics.forEach((topic, id) => {
      push(this.byTopic, topic, id);
      if (topic === '') return;
      push(this.below, '', id);
      // Every proper ancestor ends before a '.' (a leading '.' gives '', added above).
      for (let k = topic.indexOf('.', 1); k > 0; k = topic.indexOf('.', k + 1)) push(this.below, topic.slice(0, k), id);
    });
  }

  static last = null;

  // The index of `topics`, reused while consecutive plans have the same topics (a session's
  // runs mostly reach the same listeners): comparing the topics costs less than indexing them.
  static of(topics) {
    const last = TopicIndex.last;
    if (last && last.topics.length === topics.length && last.topics.every((t, i) => t === topics[i])) return last.index;
    const index = new TopicIndex(topics);
    TopicIndex.last = { topics, index };
    return index;
  }

  // The ids forEachReached visits for `path`, in its order, remembered per path: a
  // session's runs mostly produce the same paths (one Map lookup then, instead of one per
  // ancestor, and no slice per ancestor). The memo is dropped when it grows past
  // REACHED_MEMO_SIZE paths; callers must not change the array.
  reached(path) {
    let ids = this.memo.get(path);
    if (ids === undefined) {
      ids = [];
      this.forEachReached(path, (id) => ids.push(id));
      if (this.memo.size >= REACHED_MEMO_SIZE) this.memo.clear();
      this.memo.set(path, ids);
    }
    return ids;
  }

  // Calls visit(id) once for every dispatch whose topic `path` reaches, in no set order.
  forEachReached(path, visit) {
    if (path === '') {
      each(this.byTopic.get(''), visit);
      each(this.below.get(''), visit);
      return;
    }
    each(this.byTopic.get(''), visit);
    each(this.byTopic.get(path), visit);
    for (let k = path.indexOf('.', 1); k > 0; k = path.indexOf('.', k + 1)) each(this.byTopic.get(path.slice(0, k)), visit);
    each(this.below.get(path), visit);
  }
}

function push(map, key, id) {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

function each(ids, visit) {
  if (ids === undefined) return;
  for (let i = 0; i < ids.length; i++) visit(ids[i]);
}
