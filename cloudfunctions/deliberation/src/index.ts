// deliberation: households, topics, consultation, votes and outcomes (协商议事 · 居民议事会). The route table: the
// schema validates, the route's `allow` checks the role, handlers check scope and call src/domain/
// (docs/pillars/deliberation.md).
import { contract } from '../../../types'
import { createFunction } from '../../_shared/infra/router'
import { meetingCode, meetingDetail, recordMinutes, registerMeeting, scheduleMeeting, signInMeeting } from './handlers/meetings'
import { householdQueue, myHousehold, requestHousehold, unbindHousehold, verifyHousehold } from './handlers/households'
import { endPublicity, handOff, object, progress, publish, resolve, stats } from './handlers/outcome'
import {
  comment,
  comments,
  expireTopics,
  flagComment,
  raiseTopic,
  reviewComment,
  second,
  summarize,
  toAgenda,
  topicDetail,
  topics
} from './handlers/topics'
import { ballot, closeVotes, confirmPaperBallot, createVote, enterPaperBallot, openVote, paperQueue, voteDetail } from './handlers/votes'

/** Timer triggers in config.json → the action they run as the system caller. */
export const TIMERS = { expireTopics: 'expireTopics', closeVotes: 'closeVotes', endPublicity: 'endPublicity' }

export const main = createFunction(
  'deliberation',
  contract.deliberation,
  {
    requestHousehold: { allow: ['resident'], handler: requestHousehold },
    myHousehold: { allow: ['resident'], handler: myHousehold },
    householdQueue: { allow: ['staff'], handler: householdQueue },
    verifyHousehold: { allow: ['staff'], handler: verifyHousehold },
    unbindHousehold: { allow: ['staff'], handler: unbindHousehold },
    raiseTopic: { allow: ['resident'], handler: raiseTopic },
    topics: { allow: ['anyone'], handler: topics },
    topicDetail: { allow: ['anyone'], handler: topicDetail },
    second: { allow: ['resident'], handler: second },
    toAgenda: { allow: ['staff'], handler: toAgenda },
    comment: { allow: ['resident'], handler: comment },
    comments: { allow: ['anyone'], handler: comments },
    flagComment: { allow: ['resident'], handler: flagComment },
    reviewComment: { allow: ['staff'], handler: reviewComment },
    summarize: { allow: ['staff'], handler: summarize },
    expireTopics: { allow: ['system', 'staff'], handler: expireTopics },
    createVote: { allow: ['staff'], handler: createVote },
    openVote: { allow: ['staff'], handler: openVote },
    voteDetail: { allow: ['anyone'], handler: voteDetail },
    ballot: { allow: ['resident'], handler: ballot },
    enterPaperBallot: { allow: ['gridWorker'], handler: enterPaperBallot },
    confirmPaperBallot: { allow: ['staff'], handler: confirmPaperBallot },
    paperQueue: { allow: ['staff', 'gridWorker'], handler: paperQueue },
    closeVotes: { allow: ['system', 'staff'], handler: closeVotes },
    publish: { allow: ['staff'], handler: publish },
    object: { allow: ['resident'], handler: object },
    endPublicity: { allow: ['system', 'staff'], handler: endPublicity },
    resolve: { allow: ['staff'], handler: resolve },
    progress: { allow: ['staff'], handler: progress },
    handOff: { allow: ['staff'], handler: handOff },
    scheduleMeeting: { allow: ['staff'], handler: scheduleMeeting },
    meetingDetail: { allow: ['anyone'], handler: meetingDetail },
    registerMeeting: { allow: ['resident'], handler: registerMeeting },
    meetingCode: { allow: ['resident'], handler: meetingCode },
    signInMeeting: { allow: ['staff'], handler: signInMeeting },
    recordMinutes: { allow: ['staff'], handler: recordMinutes },
    stats: { allow: ['staff', 'streetAdmin'], handler: stats }
  },
  TIMERS
)
