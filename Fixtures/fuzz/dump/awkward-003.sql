--
-- Name: we.ird; schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "we.ird; schema";


ALTER SCHEMA "we.ird; schema" OWNER TO postgres;

