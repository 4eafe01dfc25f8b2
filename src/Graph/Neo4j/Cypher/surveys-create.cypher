// A survey and its invitations in one statement: only each token's hash is kept.
CREATE (s:Survey {id: $id, authorityId: $authorityId, title: $title, opensOn: date($opensOn), closesOn: date($closesOn),
                  createdAt: datetime($createdAt)})
WITH s
UNWIND $invitations AS invitation
CREATE (:SurveyInvitation {surveyId: s.id, serviceId: invitation.serviceId, tokenHash: invitation.tokenHash})
