# The staff web application with 100,000 activities (issue 23): the
# dashboard, a search and a page deep in the activities list, as
# bench/web.sh measures them (50 connections, p99, beside nginx serving
# the same bytes).  ACTIVITIES and PAGES change the defaults.
ACTIVITIES=${ACTIVITIES:-100000} \
PAGES=${PAGES:-"/app/ /app/search?q=giao+luu+huu+nghi /app/activities?year=2025&page=20"} \
    exec sh "$(dirname "$0")/web.sh"
