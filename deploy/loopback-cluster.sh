# Sourced by scripts/deploy-test.sh and bench/multi_node.sh: starts the deployment of
# docs/deployment.md on loopback — two `bdp serve` nodes on one PostgreSQL database, and nginx
# from a temporary prefix running deploy/nginx.conf itself (only its ports and cache path
# rewritten). Not a script of its own.
#
#   cluster_start BDP_BINARY DATABASE_URL WORK_DIR [extra bdp serve flags...]
#     sets NODE_A_PORT, NODE_B_PORT, NGINX_PORT, CLUSTER_PIDS (to stop: cluster_stop); the node
#     logs (with access log) are WORK_DIR/node-a.log and node-b.log. Returns non-zero, with the
#     logs printed, when something does not come up.
#   cluster_stop   stops nginx and the nodes (SIGTERM, then waits).
# Needs: nginx (Debian's nginx-light), curl, python3 (to pick free ports). Run from the repo root.

CLUSTER_PIDS=()

cluster_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits up to 10 s for URL to answer 200.
cluster_wait_for() {
  local url=$1
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

cluster_start() {
  local bdp=$1 database=$2 work=$3
  shift 3
  NODE_A_PORT=$(cluster_free_port)
  NODE_B_PORT=$(cluster_free_port)
  NGINX_PORT=$(cluster_free_port)
  chmod 755 "$work"  # nginx workers may run as another user
  # One node after the other: the first fills an empty database with the demo data.
  local name port
  for name in a b; do
    port=$NODE_A_PORT
    [ "$name" = b ] && port=$NODE_B_PORT
    "$bdp" serve --database "$database" --port "$port" --threads 2 --index "$work/index-$name" \
      --spool "$work/spool-$name" --trusted-proxy 127.0.0.1 "$@" >"$work/node-$name.log" 2>&1 &
    CLUSTER_PIDS+=($!)
    if ! cluster_wait_for "http://127.0.0.1:$port/healthz"; then
      echo "cluster: node $name did not start:" >&2
      cat "$work/node-$name.log" >&2
      return 1
    fi
  done

  mkdir -p "$work/nginx/logs"
  sed -e "s/127\.0\.0\.1:8081/127.0.0.1:$NODE_A_PORT/" -e "s/127\.0\.0\.1:8082/127.0.0.1:$NODE_B_PORT/" \
    -e "s/listen 80;/listen 127.0.0.1:$NGINX_PORT;/" -e "s#/var/cache/nginx/bdp#$work/nginx/cache#" \
    deploy/nginx.conf >"$work/nginx/bdp.conf"
  cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  include $work/nginx/bdp.conf;
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
  CLUSTER_PIDS+=($!)
  if ! cluster_wait_for "http://127.0.0.1:$NGINX_PORT/healthz"; then
    echo "cluster: nginx did not start:" >&2
    cat "$work/nginx/logs/error.log" >&2
    return 1
  fi
}

cluster_stop() {
  local pid
  for pid in "${CLUSTER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${CLUSTER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  CLUSTER_PIDS=()
}
