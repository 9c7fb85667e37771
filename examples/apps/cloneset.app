// An OpenKruise CloneSet updated in place, ten pods, the first two kept
// on the old revision during a rollout (partition).
name:      "search"
namespace: "search"

components: indexer: {
	type: "cloneset"
	properties: {
		image: "ghcr.io/acme/search-indexer:5.0.3"
		ports: [{port: 7700, expose: true}]
		updateStrategy: {
			type:           "InPlaceIfPossible"
			partition:      2
			maxUnavailable: "20%"
		}
	}
	traits: [{type: "scaler", properties: replicas: 10}]
}
