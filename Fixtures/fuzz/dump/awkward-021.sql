--
-- Name: allgen; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.allgen (
    g integer GENERATED ALWAYS AS (1) STORED
);


ALTER TABLE public.allgen OWNER TO postgres;

