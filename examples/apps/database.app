// A PostgreSQL database: a StatefulSet with a volume claim per replica,
// its configuration from a ConfigMap and its password from a Secret.
name:      "billing-db"
namespace: "billing"

components: postgres: {
	type: "statefulset"
	properties: {
		image: "docker.io/library/postgres:16.4"
		ports: [{port: 5432, expose: true}]
		env: [{name: "PGDATA", value: "/var/lib/postgresql/data/pgdata"}]
		cpu:    "1"
		memory: "2Gi"
	}
	traits: [
		{type: "scaler", properties: replicas: 1},
		{type: "storage", properties: {
			pvc: [{name: "data", mountPath: "/var/lib/postgresql/data", resources: requests: storage: "20Gi"}]
			configMap: [{name: "postgres-config", mountPath: "/etc/postgresql/conf.d", data: "tuning.conf": "shared_buffers = 512MB\n"}]
		}},
	]
}
