// One service in two regions: three replicas in Europe, ten in each US
// cluster, and a bigger memory limit in the US.
name: "catalog"

components: api: {
	type: "webservice"
	properties: {
		image:  "ghcr.io/acme/catalog-api:3.2.0"
		ports: [{port: 8080, expose: true}]
		memory: "512Mi"
	}
	traits: [{type: "scaler", properties: replicas: 1}]
}

policies: {
	europe: {type: "topology", properties: {clusters: ["eu-west-1"], namespace: "catalog"}}
	america: {type: "topology", properties: {clusters: ["us-east-1", "us-west-2"], namespace: "catalog"}}
	"europe-size": {
		type: "override"
		properties: components: [{name: "api", traits: [{type: "scaler", properties: replicas: 3}]}]
	}
	"america-size": {
		type: "override"
		properties: components: [{
			name: "api"
			properties: memory: "1Gi"
			traits: [{type: "scaler", properties: replicas: 10}]
		}]
	}
}

workflow: steps: [
	{name: "deploy-europe", type: "deploy", properties: policies: ["europe", "europe-size"]},
	{name: "deploy-america", type: "deploy", properties: policies: ["america", "america-size"]},
]
