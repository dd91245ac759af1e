package org.vmshield.controller.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records incidents, decisions, actions and steps durably in an SQLite file.
 *
 * <p>Each write is its own transaction, committed with {@code synchronous=FULL} before the
 * method returns: what the controller was told is written is on disk, even if the process is
 * killed right after. Writes are serialised; the journal is not on a hot path.
 */
public final class Journal implements AutoCloseable {
    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection db;

    private Journal(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens the journal at {@code file}, creating the file and its schema when missing. */
    public static Journal open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            Journal journal = new Journal(file, db);
            journal.initialise();
            return journal;
        } catch (SQLException | java.io.IOException e) {
            throw new JournalException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void initialise() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > SCHEMA_VERSION) {
                throw new JournalException("journal " + file + " has schema version " + version
                        + " (expected: <= " + SCHEMA_VERSION + "); it was written by a newer vmshield");
            }
            s.execute("CREATE TABLE IF NOT EXISTS events ("
                    + "seq INTEGER PRIMARY KEY AUTOINCREMENT, at_millis INTEGER NOT NULL, type TEXT NOT NULL,"
                    + " subject TEXT NOT NULL, status TEXT NOT NULL, detail TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS actions ("
                    + "action_id TEXT PRIMARY KEY, incident_id TEXT NOT NULL, kind TEXT NOT NULL,"
                    + " spec TEXT NOT NULL, status TEXT NOT NULL, started_millis INTEGER NOT NULL,"
                    + " ended_millis INTEGER NOT NULL, last_step TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS incidents ("
                    + "incident_id TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL,"
                    + " opened_millis INTEGER NOT NULL, updated_millis INTEGER NOT NULL, evidence TEXT NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS actions_by_status ON actions(status)");
            s.execute("CREATE TABLE IF NOT EXISTS control (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("PRAGMA user_version=" + SCHEMA_VERSION);
        }
    }

    /** Records that an incident was opened or changed state; the latest state wins. */
    public synchronized void recordIncident(String incidentId, String kind, String state, long atMillis, String evidence) {
        requireText(incidentId, "incidentId");
        requireText(kind, "kind");
        requireText(state, "state");
        inTransaction(() -> {
            try (PreparedStatement up = db.prepareStatement(
                    "INSERT INTO incidents(incident_id, kind, state, opened_millis, updated_millis, evidence)"
                            + " VALUES(?,?,?,?,?,?) ON CONFLICT(incident_id) DO UPDATE SET"
                            + " state=excluded.state, updated_millis=excluded.updated_millis, evidence=excluded.evidence")) {
                up.setString(1, incidentId);
                up.setString(2, kind);
                up.setString(3, state);
                up.setLong(4, atMillis);
                up.setLong(5, atMillis);
                up.setString(6, nullToEmpty(evidence));
                up.executeUpdate();
            }
            insertEvent(atMillis, "incident", incidentId, state, kind + " " + nullToEmpty(evidence));
        });
    }

    /** Records a decision of the brain: what it saw, what it considered, why it chose. */
    public synchronized void recordDecision(String incidentId, long atMillis, String explanation) {
        requireText(incidentId, "incidentId");
        inTransaction(() -> insertEvent(atMillis, "decision", incidentId, "decided", nullToEmpty(explanation)));
    }

    /**
     * Records that an action has started. Fails when an action with that id was recorded
     * before: ids are unique, and a restarted controller must not start an action twice.
     */
    public synchronized void startAction(String actionId, String incidentId, String kind, String specJson, long atMillis) {
        requireText(actionId, "actionId");
        requireText(kind, "kind");
        inTransaction(() -> {
            try (PreparedStatement ins = db.prepareStatement(
                    "INSERT INTO actions(action_id, incident_id, kind, spec, status, started_millis, ended_millis, last_step)"
                            + " VALUES(?,?,?,?,?,?,0,'')")) {
                ins.setString(1, actionId);
                ins.setString(2, nullToEmpty(incidentId));
                ins.setString(3, kind);
                ins.setString(4, nullToEmpty(specJson));
                ins.setString(5, ActionStatus.IN_FLIGHT.name());
                ins.setLong(6, atMillis);
                ins.executeUpdate();
            } catch (SQLException e) {
                if (action(actionId) != null) {
                    throw new JournalException("action " + actionId + " is already in the journal (expected: a new id)");
                }
                throw e;
            }
            insertEvent(atMillis, "action", actionId, ActionStatus.IN_FLIGHT.name(), kind + " " + nullToEmpty(specJson));
        });
    }

    /** Records one step of an action in flight, e.g. {@code destination-started}. */
    public synchronized void recordStep(String actionId, String step, long atMillis, String detail) {
        requireText(step, "step");
        inTransaction(() -> {
            requireInFlight(actionId);
            try (PreparedStatement up = db.prepareStatement("UPDATE actions SET last_step=? WHERE action_id=?")) {
                up.setString(1, step);
                up.setString(2, actionId);
                up.executeUpdate();
            }
            insertEvent(atMillis, "step", actionId, step, nullToEmpty(detail));
        });
    }

    /** Records how an action in flight ended. */
    public synchronized void finishAction(String actionId, ActionStatus status, long atMillis, String detail) {
        Objects.requireNonNull(status, "status");
        if (!status.ended()) {
            throw new IllegalArgumentException("status: " + status + " (expected: SUCCEEDED, FAILED or ROLLED_BACK)");
        }
        inTransaction(() -> {
            requireInFlight(actionId);
            try (PreparedStatement up = db.prepareStatement(
                    "UPDATE actions SET status=?, ended_millis=? WHERE action_id=?")) {
                up.setString(1, status.name());
                up.setLong(2, atMillis);
                up.setString(3, actionId);
                up.executeUpdate();
            }
            insertEvent(atMillis, "action", actionId, status.name(), nullToEmpty(detail));
        });
    }

    /** Returns the action with that id, or null when the journal has none. */
    public synchronized ActionRecord action(String actionId) {
        List<ActionRecord> found = queryActions("SELECT * FROM actions WHERE action_id=?", actionId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Returns the actions that were started and never finished, oldest first: what to reconcile. */
    public synchronized List<ActionRecord> actionsInFlight() {
        return queryActions("SELECT * FROM actions WHERE status=? ORDER BY started_millis, action_id",
                ActionStatus.IN_FLIGHT.name());
    }

    /** Returns up to {@code limit} timeline events after sequence number {@code afterSequence}, in order. */
    public synchronized List<JournalEvent> events(long afterSequence, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
        }
        try (PreparedStatement q = db.prepareStatement(
                "SELECT seq, at_millis, type, subject, status, detail FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
            q.setLong(1, afterSequence);
            q.setInt(2, limit);
            List<JournalEvent> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new JournalEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a free-form timeline event, e.g. an action planned in dry-run or a reconciliation
     * finding; {@code type} and {@code subject} must be non-blank.
     */
    public synchronized void recordNote(long atMillis, String type, String subject, String status, String detail) {
        requireText(type, "type");
        requireText(subject, "subject");
        inTransaction(() -> insertEvent(atMillis, type, subject, nullToEmpty(status), nullToEmpty(detail)));
    }

    /**
     * Stores one piece of control state (a rule or weight in force, a change to undo) under
     * {@code key}, replacing what was there: what a restarted controller re-applies.
     */
    public synchronized void putControl(String key, String value) {
        requireText(key, "key");
        Objects.requireNonNull(value, "value");
        inTransaction(() -> {
            try (PreparedStatement up = db.prepareStatement(
                    "INSERT INTO control(key, value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value")) {
                up.setString(1, key);
                up.setString(2, value);
                up.executeUpdate();
            }
        });
    }

    /** Removes the control state stored under {@code key}; nothing happens when there is none. */
    public synchronized void removeControl(String key) {
        requireText(key, "key");
        inTransaction(() -> {
            try (PreparedStatement del = db.prepareStatement("DELETE FROM control WHERE key=?")) {
                del.setString(1, key);
                del.executeUpdate();
            }
        });
    }

    /** Returns the control state whose keys start with {@code prefix}, by key. */
    public synchronized java.util.SortedMap<String, String> controlEntries(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        try (PreparedStatement q = db.prepareStatement("SELECT key, value FROM control ORDER BY key")) {
            java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).startsWith(prefix)) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns the {@code limit} most recently started actions, newest first. */
    public synchronized List<ActionRecord> recentActions(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
        }
        return queryActions("SELECT * FROM actions WHERE action_id <> ? ORDER BY started_millis DESC, action_id DESC"
                + " LIMIT " + limit, "");
    }

    /** Returns the latest state recorded for an incident, or null when the journal has none. */
    public synchronized String incidentState(String incidentId) {
        try (PreparedStatement q = db.prepareStatement("SELECT state FROM incidents WHERE incident_id=?")) {
            q.setString(1, incidentId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close journal " + file + ": " + e.getMessage(), e);
        }
    }

    private List<ActionRecord> queryActions(String sql, String parameter) {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, parameter);
            List<ActionRecord> out = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(new ActionRecord(rs.getString("action_id"), rs.getString("incident_id"),
                            rs.getString("kind"), rs.getString("spec"), ActionStatus.valueOf(rs.getString("status")),
                            rs.getLong("started_millis"), rs.getLong("ended_millis"), rs.getString("last_step")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new JournalException("cannot read journal " + file + ": " + e.getMessage(), e);
        }
    }

    private void requireInFlight(String actionId) throws SQLException {
        ActionRecord a = action(actionId);
        if (a == null) {
            throw new JournalException("action " + actionId + " is not in the journal (expected: a started action)");
        }
        if (a.status().ended()) {
            throw new JournalException("action " + actionId + " has already ended as " + a.status()
                    + " (expected: an action in flight)");
        }
    }

    private void insertEvent(long atMillis, String type, String subject, String status, String detail)
            throws SQLException {
        try (PreparedStatement ins = db.prepareStatement(
                "INSERT INTO events(at_millis, type, subject, status, detail) VALUES(?,?,?,?,?)")) {
            ins.setLong(1, atMillis);
            ins.setString(2, type);
            ins.setString(3, subject);
            ins.setString(4, status);
            ins.setString(5, detail);
            ins.executeUpdate();
        }
    }

    /** A unit of work that runs inside one transaction. */
    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JournalException("cannot write journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": '" + value + "' (expected: non-blank text)");
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
