# The staff web application with 100,000 activities (issue 23): the
# dashboard, a search without marks that finds one activity in eight
# ("nhat ban": 12,500 of them, and Japan's occasions and contacts) and the
# middle page of the activities list as it opens (this year's: page 500
# of 1,000), as bench/web.sh measures them (50 connections, p50 and p99,
# beside nginx serving the same bytes).  ACTIVITIES and PAGES change the
# defaults.
ACTIVITIES=${ACTIVITIES:-100000} \
PAGES=${PAGES:-"/app/ /app/search?q=nhat+ban /app/activities?page=500"} \
    exec sh "$(dirname "$0")/web.sh"
