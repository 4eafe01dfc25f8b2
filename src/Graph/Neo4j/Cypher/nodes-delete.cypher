// A node goes with its links, as ON DELETE CASCADE does in the embedded store. A deleted authority takes the data
// private to it along: its private nodes (found through the privateTo index) and the links private to it between
// public nodes (a scan of relationships, for no index spans types: deleting an authority is rare), and its surveys with
// their invitations and answers.
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Node {privateTo: id})
  DETACH DELETE p
}
CALL (id) {
  MATCH ()-[r]->()
  WHERE r.privateTo = id
  DELETE r
}
CALL (id) {
  MATCH (s:Survey {authorityId: id})
  OPTIONAL MATCH (i:SurveyInvitation {surveyId: s.id})
  OPTIONAL MATCH (d:SurveyDeclaration {surveyId: s.id})
  DETACH DELETE s, i, d
}
MATCH (n:Node {id: id})
DETACH DELETE n
