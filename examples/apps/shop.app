// A web shop: a public frontend, an internal API, a queue worker and a
// nightly report job.
name:      "shop"
namespace: "shop"
labels: team: "commerce"

components: {
	frontend: {
		type: "webservice"
		properties: {
			image: "ghcr.io/acme/shop-frontend:1.4.2"
			ports: [{port: 8080, expose: true}]
			env: [{name: "API_URL", value: "http://backend:9000"}]
			cpu:    "250m"
			memory: "256Mi"
			readinessProbe: httpGet: {path: "/healthz", port: 8080}
		}
		traits: [
			{type: "scaler", properties: replicas: 3},
			{type: "gateway", properties: {domain: "shop.example.com", http: "/": 8080}},
		]
	}
	backend: {
		type: "webservice"
		properties: {
			image: "ghcr.io/acme/shop-api:2.0.1"
			ports: [{port: 9000, expose: true}]
			env: [
				{name: "DB_HOST", value: "postgres"},
				{name: "DB_PASSWORD", valueFrom: secretKeyRef: {name: "shop-db", key: "password"}},
			]
		}
		traits: [{type: "scaler", properties: replicas: 2}]
	}
	"order-worker": {
		type: "worker"
		properties: {
			image: "ghcr.io/acme/shop-worker:2.0.1"
			cmd: ["worker", "--queue", "orders"]
		}
	}
	"nightly-report": {
		type: "cron-task"
		properties: {
			image:    "ghcr.io/acme/shop-reports:1.1"
			schedule: "0 2 * * *"
			cmd: ["report", "--yesterday"]
		}
	}
}
