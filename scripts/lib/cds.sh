# Class-data sharing for scripts that start the jar (ADR 0021): the classes a start loads, parsed
# and verified once into an archive beside the jar, so that later starts map them instead of
# loading them. Source it, then:
#   cds_jvm_options JAR [JVM OPTIONS...]   fills the array CDS_OPTIONS with the options that use the
#                                          archive (empty when TODO_CDS=0 or no archive can be made)
# The archive is made by one training run (the embedded default started on a scratch data
# directory and stopped again) when the jar is newer than the archive, so once per build; it is
# made with the JVM options the jar will run with.
cds_jvm_options() {
  local jar=$1; shift
  local archive="${jar%.jar}.jsa"
  CDS_OPTIONS=()
  [ "${TODO_CDS:-1}" != 0 ] || return 0
  if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
    echo "== Recording the class-data sharing archive $archive (once per build)" >&2
    local scratch
    scratch=$(mktemp -d)
    rm -f "$archive"
    if TODO_EXIT_AFTER_START=1 TODO_DATA_DIR="$scratch/data" TODO_PORT=-1 TODO_ROLE=all \
         TODO_TRANSPORT=inprocess TODO_SECRETS=env DATABASE_URL= TODO_DB_URL= \
         java "$@" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" > "$scratch/training.log" 2>&1; then
      rm -rf "$scratch"
    else
      echo "   (no archive: the training run failed, see $scratch/training.log; starting without it)" >&2
      rm -f "$archive"
    fi
  fi
  if [ -f "$archive" ]; then
    CDS_OPTIONS=("-XX:SharedArchiveFile=$archive" -Xshare:auto)
  fi
}
