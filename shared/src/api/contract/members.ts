import { memberSearchRequestSchema, memberSearchResponseSchema, profileRequestSchema, profileResponseSchema } from '../members'
import { endpoint } from './endpoint'

export const membersEndpoints = {
  getMyProfile: endpoint({ method: 'get', path: '/api/v1/me/profile', operationId: 'getMyProfile', response: profileResponseSchema }),
  putMyProfile: endpoint({ method: 'put', path: '/api/v1/me/profile', operationId: 'putMyProfile', body: profileRequestSchema, response: profileResponseSchema }),
  getMemberProfile: endpoint({ method: 'get', path: '/api/v1/members/:userId/profile', operationId: 'getMemberProfile', response: profileResponseSchema }),
  searchMembers: endpoint({ method: 'post', path: '/api/v1/members/search', operationId: 'searchMembers', body: memberSearchRequestSchema, response: memberSearchResponseSchema }),
} as const
