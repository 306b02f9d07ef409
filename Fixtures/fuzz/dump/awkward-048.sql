--
-- Name: plain id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.plain ALTER COLUMN id SET DEFAULT nextval('public.plain_id_seq'::regclass);


